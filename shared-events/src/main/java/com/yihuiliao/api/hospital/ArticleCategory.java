package com.yihuiliao.api.hospital;

/** A category of the encyclopedia and how many articles it holds. */
public record ArticleCategory(String name, long articles) {
}
