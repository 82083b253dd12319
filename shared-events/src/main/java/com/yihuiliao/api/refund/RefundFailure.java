package com.yihuiliao.api.refund;

/** Why a refund failed, as a code; the detail beside it is WeChat Pay's own code, or words stored before codes. */
public enum RefundFailure {
    /** WeChat Pay closed the refund. */
    CLOSED_BY_WECHAT,
    /** WeChat Pay refused it for good; the detail is WeChat Pay's error code. */
    REFUSED_BY_WECHAT,
    /** Stored before failures were codes, in words we do not recognise: the detail is those words. */
    OTHER
}
