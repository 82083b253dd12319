package com.yihuiliao.api;

import static com.yihuiliao.api.MessageNames.problems;
import static com.yihuiliao.api.MessageNames.words;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The naming rule of {@link MessageNames}, kept over every record and enum this module compiles into a feature
 * package ({@code com.yihuiliao.api.<feature>}), whatever is there when the test runs. */
class MessageKindsTest {

    /** The orders commands begin with. */
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
