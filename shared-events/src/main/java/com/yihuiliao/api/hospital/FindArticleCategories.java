package com.yihuiliao.api.hospital;

import com.yihuiliao.api.Query;
import java.util.List;

/** The categories that hold articles, by name; answered with a list of {@link ArticleCategory}. */
public record FindArticleCategories() implements Query<List<ArticleCategory>> {
}
