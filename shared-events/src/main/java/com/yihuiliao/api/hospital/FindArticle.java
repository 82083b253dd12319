package com.yihuiliao.api.hospital;

import com.yihuiliao.api.Query;

/** One article; answered with an {@link Article} or null. */
public record FindArticle(String articleId) implements Query<Article> {
}
