package org.pelita.lrs.store;

import java.util.Optional;
import java.util.UUID;

/**
 * The set a document belongs to: state documents by activity, agent and registration; activity profiles by
 * activity; agent profiles by agent. Texts are the xAPI rules' identifiers (activity id, agent identifier).
 */
public record DocumentScope(String kind, Optional<String> activityId, Optional<String> agent, Optional<UUID> registration) {
    public static final String STATE = "state";
    public static final String ACTIVITY_PROFILE = "activity-profile";
    public static final String AGENT_PROFILE = "agent-profile";

    public static DocumentScope state(String activityId, String agent, Optional<UUID> registration) {
        return new DocumentScope(STATE, Optional.of(activityId), Optional.of(agent), registration);
    }

    public static DocumentScope activityProfile(String activityId) {
        return new DocumentScope(ACTIVITY_PROFILE, Optional.of(activityId), Optional.empty(), Optional.empty());
    }

    public static DocumentScope agentProfile(String agent) {
        return new DocumentScope(AGENT_PROFILE, Optional.empty(), Optional.of(agent), Optional.empty());
    }

    UUID key() {
        // Newlines cannot occur in IRIs or agent identifiers, so the parts cannot run into each other.
        return Keys.of(kind + "\n" + activityId.orElse("") + "\n" + agent.orElse("") + "\n" + registration.map(UUID::toString).orElse(""));
    }
}
