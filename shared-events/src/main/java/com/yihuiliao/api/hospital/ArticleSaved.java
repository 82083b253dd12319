package com.yihuiliao.api.hospital;

/**
 * A health encyclopedia article (健康百科) was added or replaced; {@code html} is already sanitized and
 * {@code text} is its plain text, what a search reads.
 */
public record ArticleSaved(String articleId, String category, String title, String summary, String html,
                           String text, String savedBy) implements HospitalEvent {
}
