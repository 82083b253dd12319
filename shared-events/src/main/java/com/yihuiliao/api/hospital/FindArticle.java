package com.yihuiliao.api.hospital;

/** One article; answered with an {@link Article} or null. */
public record FindArticle(String articleId) {
}
