package com.yihuiliao.api.hospital;

import java.time.Instant;

/** An article in a list. */
public record ArticleSummary(String articleId, String category, String title, String summary, Instant updatedAt) {
}
