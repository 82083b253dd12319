package com.yihuiliao.api;

/**
 * Something that happened, named in the past tense ({@code SlotHeld}, {@code AppointmentCancelled}). Each
 * feature's events are one sealed interface beside them ({@code ScheduleEvent}, …), so a feature's whole
 * vocabulary is one list. It carries no methods: the stored JSON of an event is only its record's components.
 */
public interface Event {
}
