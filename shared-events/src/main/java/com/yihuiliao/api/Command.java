package com.yihuiliao.api;

/**
 * A request to change one aggregate or flow, named as an order: a verb first ({@code BookAppointment},
 * {@code SuspendSchedule}). It carries no methods, so it changes nothing in how a command is routed or
 * serialized.
 */
public interface Command {
}
