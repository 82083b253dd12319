package com.yihuiliao.query;

import com.yihuiliao.api.ListPage;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.responsetypes.ResponseTypes;

/** The query bus's answer type of a list query: a {@link ListPage} of the list's items. */
public final class ListPages {
    private ListPages() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T> ResponseType<ListPage<T>> of(Class<T> item) {
        // the bus matches the handler's raw return type; the item type is the handler's promise
        return (ResponseType) ResponseTypes.instanceOf(ListPage.class);
    }
}
