package org.pelita.lrs.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, with what rights. {@code authority} is the Agent the LRS writes as the authority of the
 * statements this credential stores; {@code authorityId} its identifier (statements/read/mine reads by it).
 *
 * @param activityPrefix for write-only keys embedded in content: statements must be about activities under it
 */
public record Principal(String key, Set<Scope> scopes, Optional<String> activityPrefix, JsonNode authority,
                        String authorityId) {
    public Principal {
        scopes = Set.copyOf(scopes);
    }

    private boolean any(Scope... wanted) {
        for (Scope scope : wanted) {
            if (scopes.contains(scope)) {
                return true;
            }
        }
        return false;
    }

    public boolean canWriteStatements() {
        return any(Scope.ALL, Scope.STATEMENTS_WRITE);
    }

    public boolean canReadAllStatements() {
        return any(Scope.ALL, Scope.ALL_READ, Scope.STATEMENTS_READ);
    }

    /**
     * The researchers' API (/api: reports and exports): the credentials that read every statement, and research
     * credentials, which can use nothing else.
     */
    public boolean canUseResearchApi() {
        return any(Scope.ALL, Scope.ALL_READ, Scope.STATEMENTS_READ, Scope.RESEARCH);
    }

    /** Downloading published packages when the LRS asks for a key (packages-download: key). */
    public boolean canDownloadPackages() {
        return any(Scope.ALL, Scope.ALL_READ, Scope.PACKAGES);
    }

    /** Publishing and withdrawing releases: administrators only. */
    public boolean canPublishPackages() {
        return scopes.contains(Scope.ALL);
    }

    /** Whether exports show agents as stored rather than as pseudonyms: administrators only (scope all). */
    public boolean canSeeIdentities() {
        return scopes.contains(Scope.ALL);
    }

    /** Reading only the statements it stored itself (statements/read/mine). */
    public boolean canReadOwnStatements() {
        return canReadAllStatements() || scopes.contains(Scope.STATEMENTS_READ_MINE);
    }

    public boolean canReadState() {
        return any(Scope.ALL, Scope.ALL_READ, Scope.STATE);
    }

    public boolean canWriteState() {
        return any(Scope.ALL, Scope.STATE);
    }

    public boolean canReadProfiles() {
        return any(Scope.ALL, Scope.ALL_READ, Scope.PROFILE);
    }

    public boolean canWriteProfiles() {
        return any(Scope.ALL, Scope.PROFILE);
    }

    /**
     * Whether the statements it stores may set or change the LRS's canonical activity definitions (scope define;
     * xAPI 1.0.3 Communication §4.2: without it the LRS "SHOULD NOT update its canonical representation").
     */
    public boolean canDefine() {
        return any(Scope.ALL, Scope.DEFINE);
    }

    /** The Activities and Agents resources and activity definitions: any read scope. */
    public boolean canReadDefinitions() {
        return any(Scope.ALL, Scope.ALL_READ, Scope.STATEMENTS_READ, Scope.STATEMENTS_READ_MINE, Scope.STATE, Scope.PROFILE, Scope.DEFINE);
    }
}
