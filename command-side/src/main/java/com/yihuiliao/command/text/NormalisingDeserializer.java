package com.yihuiliao.command.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;

/** Reads a JSON string as the standard deserializer does, then normalises it: the form validated and stored. */
public abstract class NormalisingDeserializer extends StdScalarDeserializer<String> {

    NormalisingDeserializer() {
        super(String.class);
    }

    protected abstract String normalise(String value);

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        return normalise(StringDeserializer.instance.deserialize(parser, context));
    }

    /** For {@link PersonName}. */
    public static final class Name extends NormalisingDeserializer {
        @Override
        protected String normalise(String value) {
            return TextRules.normaliseName(value);
        }
    }

    /** For {@link DisplayText}. */
    public static final class Text extends NormalisingDeserializer {
        @Override
        protected String normalise(String value) {
            return TextRules.normalise(value);
        }
    }
}
