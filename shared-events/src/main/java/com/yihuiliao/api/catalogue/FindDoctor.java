package com.yihuiliao.api.catalogue;

public record FindDoctor(String doctorId) {
}
