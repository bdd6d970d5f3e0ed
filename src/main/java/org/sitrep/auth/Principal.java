package org.sitrep.auth;

/**
 * Who is making a request. {@code via} is "session", "key" or "anonymous". A push key has
 * {@code sourceId} set and may only submit reports of that source (and read, when reads are public).
 */
public record Principal(String name, Role role, String via, String sourceId, String csrfToken) {
    public static final Principal ANONYMOUS = new Principal("anonymous", null, "anonymous", null, null);

    public boolean anonymous() { return role == null; }

    public boolean has(Role needed) { return role != null && sourceId == null && role.atLeast(needed); }

    /** How the audit trail names this principal. */
    public String actor() {
        return switch (via) {
            case "session" -> "user:" + name;
            case "key" -> "key:" + name;
            default -> "anonymous";
        };
    }
}
