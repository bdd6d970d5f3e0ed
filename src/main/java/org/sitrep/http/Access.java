package org.sitrep.http;

import io.javalin.security.RouteRole;

/**
 * What a route needs, attached to it when it is registered. Routes registered without one get READ
 * when they are GETs and ADMIN otherwise, so a forgotten write is refused rather than open.
 */
enum Access implements RouteRole {
    /** Anyone, always (health, login, the OpenAPI document). */
    PUBLIC,
    /** Anyone when reads are public, else a viewer. */
    READ,
    /** Report submission: see {@link ApiConfig.Submissions}. */
    SUBMIT,
    /** Any logged-in user or key. */
    AUTHENTICATED,
    VIEWER, ANALYST, ADMIN
}
