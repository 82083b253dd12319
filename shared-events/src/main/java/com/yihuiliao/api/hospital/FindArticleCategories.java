package com.yihuiliao.api.hospital;

/** The categories that hold articles, by name; answered with a list of {@link ArticleCategory}. */
public record FindArticleCategories() {
}
