package com.yihuiliao.api.billing;

public enum MovementDirection {
    CREDIT, DEBIT
}
