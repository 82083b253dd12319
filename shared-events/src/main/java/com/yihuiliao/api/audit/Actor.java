package com.yihuiliao.api.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who did it, as recorded in a command's and its events' metadata: ids and roles only, never personal data.
 *
 * @param kind       patient (the account), staff (id and role), system (a process, and why), or unknown (events
 *                   stored before actors were recorded)
 * @param id         the patient's account id, the staff member's id, an integration client's id; null for a process
 * @param role       the staff member's role(s); null otherwise
 * @param cause      why a process acted: the deadline or the event it reacted to ({@code hold-expiry},
 *                   {@code ScheduleSuspended}, …), or what started it ({@code BACKGROUND}, {@code EXTERNAL_CALL})
 * @param onBehalfOf the actor whose command started what the process reacts to, where one exists
 */
public record Actor(ActorKind kind, String id, String role, String cause, Actor onBehalfOf) {

    public static final String KIND = "actorKind";
    public static final String ID = "actorId";
    public static final String ROLE = "actorRole";
    public static final String CAUSE = "actorCause";
    public static final String ON_BEHALF_OF_KIND = "onBehalfOfKind";
    public static final String ON_BEHALF_OF_ID = "onBehalfOfId";
    public static final String ON_BEHALF_OF_ROLE = "onBehalfOfRole";

    public static final Actor UNKNOWN = new Actor(ActorKind.UNKNOWN, null, null, null, null);

    public static Actor patient(String accountId) {
        return new Actor(ActorKind.PATIENT, accountId, null, null, null);
    }

    public static Actor staff(String staffId, String role) {
        return new Actor(ActorKind.STAFF, staffId, role, null, null);
    }

    public static Actor system(String cause) {
        return new Actor(ActorKind.SYSTEM, null, null, cause, null);
    }

    /**
     * A process reacting to what this actor did: the system, for that cause, on behalf of this actor (or of the
     * one this process itself acted for), so a cascade keeps naming the person who started it.
     */
    public Actor causing(String why) {
        Actor origin = switch (kind) {
            case PATIENT, STAFF -> this;
            case SYSTEM -> onBehalfOf;
            case UNKNOWN -> null;
        };
        return new Actor(ActorKind.SYSTEM, null, null, why, origin);
    }

    /** What a patient may read: that staff acted, not who. */
    public Actor seenByPatient() {
        return new Actor(kind, kind == ActorKind.STAFF ? null : id, kind == ActorKind.STAFF ? null : role, cause,
                onBehalfOf == null ? null : onBehalfOf.seenByPatient());
    }

    public Map<String, String> toMetaData() {
        Map<String, String> data = new LinkedHashMap<>();
        if (kind == ActorKind.UNKNOWN) {
            return data;
        }
        data.put(KIND, kind.name());
        putIfPresent(data, ID, id);
        putIfPresent(data, ROLE, role);
        putIfPresent(data, CAUSE, cause);
        if (onBehalfOf != null && onBehalfOf.kind != ActorKind.UNKNOWN) {
            data.put(ON_BEHALF_OF_KIND, onBehalfOf.kind.name());
            putIfPresent(data, ON_BEHALF_OF_ID, onBehalfOf.id);
            putIfPresent(data, ON_BEHALF_OF_ROLE, onBehalfOf.role);
        }
        return data;
    }

    /** The actor a message's metadata names; {@link #UNKNOWN} where it names none (or one this code does not know). */
    public static Actor fromMetaData(Map<String, ?> metaData) {
        ActorKind kind = kindOf(metaData.get(KIND));
        if (kind == ActorKind.UNKNOWN) {
            return UNKNOWN;
        }
        ActorKind originKind = kindOf(metaData.get(ON_BEHALF_OF_KIND));
        Actor origin = originKind == ActorKind.UNKNOWN ? null
                : new Actor(originKind, text(metaData.get(ON_BEHALF_OF_ID)), text(metaData.get(ON_BEHALF_OF_ROLE)),
                null, null);
        return new Actor(kind, text(metaData.get(ID)), text(metaData.get(ROLE)), text(metaData.get(CAUSE)), origin);
    }

    private static ActorKind kindOf(Object value) {
        if (value == null) {
            return ActorKind.UNKNOWN;
        }
        try {
            return ActorKind.valueOf(value.toString());
        } catch (IllegalArgumentException e) {
            return ActorKind.UNKNOWN;
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static void putIfPresent(Map<String, String> data, String key, String value) {
        if (value != null) {
            data.put(key, value);
        }
    }
}
