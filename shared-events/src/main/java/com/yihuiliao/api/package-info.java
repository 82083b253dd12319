/**
 * The messages between the sides, one package per feature ({@code api.schedule}, {@code api.appointment}, …),
 * with what is shared by all of them here.
 *
 * <p>A message's kind shows in its type and in its name:
 * <ul>
 *   <li>a {@link com.yihuiliao.api.Command} is named as an order, a verb first: {@code BookAppointment};</li>
 *   <li>an {@link com.yihuiliao.api.Event} in the past tense, its last word ending in -ed or an irregular past
 *       participle (Held, Paid, Set, Withdrawn…): {@code SlotHeld}; each feature's events are one sealed
 *       interface, {@code ScheduleEvent} and so on;</li>
 *   <li>a {@link com.yihuiliao.api.Query} as a question, Find, Is or Has first: {@code FindSchedule}; its type
 *       argument is what the query handler answers;</li>
 *   <li>anything else in a feature package is a plain value (an answer, a view, an enum, a code) and is named as a
 *       noun, neither as an order nor in the past tense: {@code ScheduleSlots}, {@code IssuedBill}.</li>
 * </ul>
 * A command used only inside one unit of work on the command side lives beside its handler there
 * ({@code command.schedule.HoldSlot}), not here. {@code MessageKindsTest} keeps the rule.
 */
package com.yihuiliao.api;
