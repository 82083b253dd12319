package com.yihuiliao.command.payment;

import com.yihuiliao.api.access.AccessRule;
import com.yihuiliao.api.access.PathAccess;
import com.yihuiliao.api.access.Roles;
import java.util.List;
import org.springframework.stereotype.Component;

/** WeChat Pay's notifications are public (their signatures are checked); staff refunds are finance's. */
@Component
class PaymentAccess implements PathAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.anyMethod("/api/payments/wechatpay/**").open(),
                AccessRule.anyMethod("/api/admin/payments/**").roles(Roles.SUPER_ADMIN, Roles.FINANCE));
    }
}
