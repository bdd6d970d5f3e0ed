package org.sitrep.http;

/** An error answered with its status and message in the one JSON error shape. */
final class ApiException extends RuntimeException {
    final int status;
    final String field;

    ApiException(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    static ApiException badRequest(String field, String message) { return new ApiException(400, field, message); }

    static ApiException notFound(String message) { return new ApiException(404, null, message); }
}
