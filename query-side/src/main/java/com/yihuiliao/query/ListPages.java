package com.yihuiliao.query;

import com.yihuiliao.api.ListPage;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import org.axonframework.messaging.responsetypes.InstanceResponseType;
import org.axonframework.messaging.responsetypes.ResponseType;

/** The query bus's answer type of a list query: a {@link ListPage} of the list's items. */
final class ListPages {
    private ListPages() {
    }

    static <T> ResponseType<ListPage<T>> of(Class<T> item) {
        return new PageOf<>();
    }

    /**
     * Axon's instance type matches a handler's plain class only, and a list's handler answers
     * {@code ListPage<Item>}; the item type is the handler's promise.
     */
    private static final class PageOf<T> extends InstanceResponseType<ListPage<T>> {

        @SuppressWarnings({"unchecked", "rawtypes"})
        PageOf() {
            super((Class) ListPage.class);
        }

        @Override
        public boolean matches(Type type) {
            return type instanceof ParameterizedType parameterized && parameterized.getRawType() == ListPage.class
                    || super.matches(type);
        }
    }
}
