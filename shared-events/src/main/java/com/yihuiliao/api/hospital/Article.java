package com.yihuiliao.api.hospital;

import java.time.Instant;

/** An article in full: sanitized HTML. */
public record Article(String articleId, String category, String title, String summary, String html,
                      Instant updatedAt) {
}
