package com.yihuiliao.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A message's kind shows in its type and in its name. Over every record and enum this module compiles into a
 * feature package ({@code com.yihuiliao.api.<feature>}), whatever is there when the test runs:
 * <ul>
 *   <li>each is at most one of {@link Command}, {@link Event} and {@link Query}; one that is none is a plain
 *       value (an answer, a view, an enum, a code);</li>
 *   <li>a command is named as an order: its first word is one of {@link #VERBS} (a new verb is added there on
 *       purpose);</li>
 *   <li>an event is named in the past tense: its last word ends in -ed or is one of {@link #IRREGULAR_PAST}; it
 *       belongs to its feature's sealed event interface, in its own package;</li>
 *   <li>a query is named as a question, its first word one of {@link #QUESTIONS}, and names what it is answered
 *       with ({@code Query<R>}, not a raw {@code Query});</li>
 *   <li>a plain value is named as a noun: not in the past tense, not beginning with a question word, and not
 *       beginning with a verb, unless the word is one of {@link #NOUNS_TOO}, the words that are verbs and nouns
 *       alike ({@code RefundStatus}); there the type alone tells the kind.</li>
 * </ul>
 */
class MessageKindsTest {

    /** The orders commands begin with. */
    static final Set<String> VERBS = Set.of("Add", "Amend", "Approve", "Book", "Cancel", "Change", "Check", "Close",
            "Confirm", "Create", "Credit", "Debit", "Edit", "Fail", "Hold", "Issue", "Mark", "Open", "Pay", "Publish",
            "Record", "Refund", "Reject", "Release", "Request", "Reserve", "Restore", "Set", "Settle", "Start",
            "Suspend", "Void", "Withdraw", "Write");
    /** Verbs that are nouns as well, and so may begin a value's name. */
    static final Set<String> NOUNS_TOO = Set.of("Close", "Refund", "Release");
    static final Set<String> QUESTIONS = Set.of("Find", "Is", "Has");
    static final Set<String> IRREGULAR_PAST = Set.of("Held", "Paid", "Set", "Withdrawn", "Sent", "Made", "Done",
            "Given", "Taken", "Written", "Kept", "Left", "Lost", "Found", "Built", "Sold", "Bought", "Put", "Shut");

    @Test
    void everyMessageShowsItsKindInItsTypeAndName() {
        List<Class<?>> types = featureTypes();
        List<String> problems = types.stream().flatMap(type -> problems(type).stream()).toList();

        assertThat(problems).as("messages whose kind does not show").isEmpty();
        // the scan sees the module's own classes, so the rule is not kept vacuously
        assertThat(types).contains(com.yihuiliao.api.appointment.BookAppointment.class,
                com.yihuiliao.api.schedule.SlotHeld.class, com.yihuiliao.api.schedule.FindSchedule.class,
                com.yihuiliao.api.schedule.ScheduleSlots.class, com.yihuiliao.api.schedule.Period.class);
    }

    /** A method on a marker could become a JSON property of every stored event or of a query. */
    @Test
    void theMarkersAddNothingToAMessagesJson() {
        List<Class<?>> eventInterfaces = compiledTypes().stream()
                .filter(type -> type.isInterface() && Event.class.isAssignableFrom(type) && type != Event.class)
                .toList();

        assertThat(eventInterfaces).allMatch(Class::isSealed).contains(com.yihuiliao.api.schedule.ScheduleEvent.class);
        Stream.concat(Stream.of(Command.class, Event.class, Query.class), eventInterfaces.stream())
                .forEach(marker -> assertThat(marker.getDeclaredMethods()).as(marker.getName()).isEmpty());
    }

    @Test
    void theRuleRefusesAMessageOfTheWrongNameOrOfTwoKinds() {
        assertThat(problems(AddSlot.class)).isEmpty();
        assertThat(problems(SlotAdded.class)).isEmpty();
        assertThat(problems(FindSlot.class)).isEmpty();
        assertThat(problems(SlotCount.class)).isEmpty();
        assertThat(problems(RefundNote.class)).as("a verb that is a noun too").isEmpty();

        assertThat(problems(SlotAddition.class)).singleElement().asString().contains("verb");
        assertThat(problems(AddedSlot.class)).singleElement().asString().contains("past tense");
        assertThat(problems(SlotRemoved.class)).singleElement().asString().contains("sealed");
        assertThat(problems(SlotQuery.class)).singleElement().asString().contains("question");
        assertThat(problems(FindAnything.class)).singleElement().asString().contains("Query<R>");
        assertThat(problems(ScheduleEdited.class)).singleElement().asString().contains("like an event");
        assertThat(problems(AddSlotResult.class)).singleElement().asString().contains("like a command");
        assertThat(problems(FindResult.class)).singleElement().asString().contains("like a query");
        assertThat(problems(AddSlotAndSay.class)).singleElement().asString().contains("both");
    }

    @Test
    void wordsAreTheCapitalisedPartsOfAName() {
        assertThat(words("StartWeChatTopUp")).containsExactly("Start", "We", "Chat", "Top", "Up");
        assertThat(words("BookingRulesSet")).endsWith("Set");
    }

    static List<String> problems(Class<?> type) {
        String name = type.getSimpleName();
        List<String> words = words(name);
        String first = words.get(0);
        String last = words.get(words.size() - 1);
        List<Class<?>> kinds = Stream.of(Command.class, Event.class, Query.class)
                .filter(kind -> kind.isAssignableFrom(type)).<Class<?>>map(kind -> kind).toList();
        if (kinds.size() > 1) {
            return List.of(name + " is both " + kinds.stream().map(Class::getSimpleName).toList());
        }
        List<String> problems = new ArrayList<>();
        if (kinds.isEmpty()) {
            if (isPastTense(last)) {
                problems.add(name + " is a plain value named like an event (past tense)");
            } else if (VERBS.contains(first) && !NOUNS_TOO.contains(first)) {
                problems.add(name + " is a plain value named like a command (a verb first)");
            } else if (QUESTIONS.contains(first)) {
                problems.add(name + " is a plain value named like a query (a question)");
            }
        } else if (kinds.get(0) == Command.class) {
            if (!VERBS.contains(first)) {
                problems.add(name + " is a command, named as an order: a verb of VERBS first");
            }
        } else if (kinds.get(0) == Event.class) {
            if (!isPastTense(last)) {
                problems.add(name + " is an event, named in the past tense");
            }
            if (Arrays.stream(type.getInterfaces()).noneMatch(i -> i.isSealed() && Event.class.isAssignableFrom(i)
                    && i.getPackageName().equals(type.getPackageName()))) {
                problems.add(name + " is an event outside its feature's sealed event interface");
            }
        } else {
            if (!QUESTIONS.contains(first)) {
                problems.add(name + " is a query, named as a question: Find, Is or Has first");
            }
            if (Arrays.stream(type.getGenericInterfaces()).noneMatch(i -> i instanceof ParameterizedType p
                    && p.getRawType() == Query.class)) {
                problems.add(name + " is a query that does not name its answer: Query<R>");
            }
        }
        return problems;
    }

    static boolean isPastTense(String word) {
        return word.endsWith("ed") || IRREGULAR_PAST.contains(word);
    }

    static List<String> words(String name) {
        return List.of(name.split("(?<=[a-z0-9])(?=[A-Z])"));
    }

    /** The records and enums of the feature packages. */
    static List<Class<?>> featureTypes() {
        return compiledTypes().stream()
                .filter(type -> !type.getPackageName().equals(Command.class.getPackageName()))
                .filter(type -> type.isRecord() || type.isEnum())
                .toList();
    }

    /** The top-level types of com.yihuiliao.api and its packages, read from this module's compiled classes. */
    static List<Class<?>> compiledTypes() {
        Path root;
        try {
            root = Path.of(Command.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path api = root.resolve(Command.class.getPackageName().replace('.', '/'));
        try (Stream<Path> files = Files.walk(api)) {
            return files.map(file -> root.relativize(file).toString())
                    .filter(file -> file.endsWith(".class") && !file.contains("$") && !file.contains("package-info"))
                    .<Class<?>>map(file -> load(file.substring(0, file.length() - ".class".length()).replace('/', '.')))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Class<?> load(String name) {
        try {
            return Class.forName(name, false, MessageKindsTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    record AddSlot() implements Command {
    }

    sealed interface SampleEvent extends Event permits SlotAdded {
    }

    record SlotAdded() implements SampleEvent {
    }

    record FindSlot() implements Query<Integer> {
    }

    record SlotCount() {
    }

    record RefundNote() {
    }

    record SlotAddition() implements Command {
    }

    record AddedSlot() implements SampleEvent2 {
    }

    sealed interface SampleEvent2 extends Event permits AddedSlot {
    }

    record SlotRemoved() implements Event {
    }

    record SlotQuery() implements Query<Integer> {
    }

    @SuppressWarnings("rawtypes")
    record FindAnything() implements Query {
    }

    record ScheduleEdited() {
    }

    record AddSlotResult() {
    }

    record FindResult() {
    }

    record AddSlotAndSay() implements Command, Event {
    }
}
