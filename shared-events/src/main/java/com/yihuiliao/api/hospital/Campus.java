package com.yihuiliao.api.hospital;

/**
 * A campus with its navigation link.
 *
 * @param latitude      GCJ-02, degrees
 * @param longitude     GCJ-02, degrees
 * @param navigationUrl Baidu Maps' URI API marker link at the coordinates, titled with the campus' name and
 *                      address, which opens Baidu Maps (web or app) with a route from there
 */
public record Campus(String campusId, String name, String address, String phone, double latitude, double longitude,
                     int sortOrder, String navigationUrl) {
}
