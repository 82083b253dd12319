package com.yihuiliao.api;

import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A message's kind shows in its type and in its name. The one naming rule, kept by tests over every
 * message type: the records and enums of shared-events' feature packages ({@code MessageKindsTest}) and the
 * command side's own commands ({@code CommandNamesTest}):
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
public final class MessageNames {

    public static final Set<String> VERBS = Set.of(
            "Add", "Amend", "Approve", "Book", "Cancel", "Change", "Check", "Close", "Confirm", "Create", "Credit",
            "Debit", "Describe", "Edit", "Fail", "Hold", "Issue", "Mark", "Name", "Open", "Pay", "Publish", "Quote",
            "Record", "Refund", "Reject", "Release", "Repeat", "Request", "Reserve", "Restore", "Reuse", "Set",
            "Settle", "Start", "Suspend", "Take", "Void", "Withdraw", "Write",
            "Lift", "Call", "Pass", "Rejoin");
    /** Verbs that are nouns as well, and so may begin a value's name. */
    public static final Set<String> NOUNS_TOO = Set.of("Close", "Refund", "Release");
    public static final Set<String> QUESTIONS = Set.of("Find", "Is", "Has");
    public static final Set<String> IRREGULAR_PAST = Set.of("Held", "Paid", "Set", "Withdrawn", "Sent", "Made", "Done",
            "Given", "Taken", "Written", "Kept", "Left", "Lost", "Found", "Built", "Sold", "Bought", "Put", "Shut", "Seen");

    /** What is wrong with a message type's kind or name; empty when its kind shows. */
    public static List<String> problems(Class<?> type) {
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

    public static boolean isPastTense(String word) {
        return word.endsWith("ed") || IRREGULAR_PAST.contains(word);
    }

    /** A name's capitalised parts. */
    public static List<String> words(String name) {
        return List.of(name.split("(?<=[a-z0-9])(?=[A-Z])"));
    }

    private MessageNames() {
    }
}
