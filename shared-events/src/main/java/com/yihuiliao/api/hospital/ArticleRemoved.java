package com.yihuiliao.api.hospital;

/** An article is no longer listed. */
public record ArticleRemoved(String articleId, String removedBy) implements HospitalEvent {
}
