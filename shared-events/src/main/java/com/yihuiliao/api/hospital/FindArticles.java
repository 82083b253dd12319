package com.yihuiliao.api.hospital;

import com.yihuiliao.api.Query;
import com.yihuiliao.api.ListPage;

/**
 * Articles, newest change first: of one category or all, and containing {@code text} (in the title, summary or
 * body) or not filtered by it; answered with a {@link com.yihuiliao.api.ListPage} of {@link ArticleSummary}.
 */
public record FindArticles(String category, String text, String cursor, int size)
        implements Query<ListPage<ArticleSummary>> {
}
