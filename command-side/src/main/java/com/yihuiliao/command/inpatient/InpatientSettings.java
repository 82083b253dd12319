package com.yihuiliao.command.inpatient;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param lowDepositFen when the deposit left after an admission's fees falls below this (fen), its patient is
 *                      warned (once per crossing)
 */
@ConfigurationProperties("yihuiliao.inpatient")
public record InpatientSettings(@DefaultValue("50000") long lowDepositFen) {
}
