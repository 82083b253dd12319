package com.yihuiliao.api.topup;

import com.yihuiliao.api.Query;
import com.yihuiliao.api.ListPage;

/** A patient's top-ups, newest first, answered as a {@link com.yihuiliao.api.ListPage} of
 * {@link TopUpRecord}. */
public record FindPatientTopUps(String patientId, String cursor, int size) implements Query<ListPage<TopUpRecord>> {
}
