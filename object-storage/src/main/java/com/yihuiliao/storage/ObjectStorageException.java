package com.yihuiliao.storage;

/** OSS refused a request ({@code code} is OSS's error code, e.g. AccessDenied) or could not be reached (UNAVAILABLE). */
public class ObjectStorageException extends RuntimeException {

    private final String code;

    public ObjectStorageException(String code, String message, Throwable cause) {
        super(code + ": " + message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
