package org.diasporadesk.chassis.web;

/** The rules of a paged list's {@code page} and {@code size} parameters, refused naming the parameter. */
public final class Paging {

    private Paging() {
    }

    /**
     * @param items what a page holds, for the message ("migrants")
     * @throws InvalidFieldException naming {@code page} or {@code size}
     */
    public static void check(int page, int size, int maxSize, String items) {
        if (page < 0) {
            throw new InvalidFieldException("page", "the first page is 0");
        }
        if (size < 1 || size > maxSize) {
            throw new InvalidFieldException("size", "a page holds 1 to " + maxSize + " " + items);
        }
    }
}
