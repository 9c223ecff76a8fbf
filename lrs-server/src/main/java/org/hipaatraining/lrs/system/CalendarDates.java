package org.hipaatraining.lrs.system;

import java.text.ParseException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.AnnotationFormatterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.Parser;
import org.springframework.format.Printer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.datetime.standard.Jsr310DateTimeFormatAnnotationFormatterFactory;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every calendar date a request carries (query parameters and JSON bodies) lies between 0001-01-01 and 9999-12-31.
 * {@code LocalDate} itself goes to year ±999,999,999, and such a date overflows later, when it becomes an instant or
 * a MongoDB date: a 500, sometimes after a CSV response has started, sometimes stored and failing every later read.
 */
@Configuration(proxyBeanMethods = false)
public class CalendarDates implements WebMvcConfigurer {

    public static final LocalDate MIN = LocalDate.of(1, 1, 1);
    public static final LocalDate MAX = LocalDate.of(9999, 12, 31);

    /** Whether a date is one the server handles. */
    public static boolean inRange(LocalDate date) {
        return !date.isBefore(MIN) && !date.isAfter(MAX);
    }

    static String outOfRange(Object text) {
        return "'" + text + "' is not a date from " + MIN + " to " + MAX;
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldAnnotation(new BoundedDateFormats());
    }

    /** JSON bodies: the same bounds for every {@code LocalDate} property. */
    @Bean
    JacksonModule boundedCalendarDates() {
        return new SimpleModule("bounded-calendar-dates").addDeserializer(LocalDate.class, new BoundedDateDeserializer());
    }

    /** {@code @DateTimeFormat} parameters as Spring parses them, then checked against the bounds. */
    private static final class BoundedDateFormats implements AnnotationFormatterFactory<DateTimeFormat> {

        private final Jsr310DateTimeFormatAnnotationFormatterFactory standard = new Jsr310DateTimeFormatAnnotationFormatterFactory();

        @Override
        public Set<Class<?>> getFieldTypes() {
            return Set.of(LocalDate.class);
        }

        @Override
        public Printer<?> getPrinter(DateTimeFormat annotation, Class<?> fieldType) {
            return standard.getPrinter(annotation, fieldType);
        }

        @Override
        public Parser<?> getParser(DateTimeFormat annotation, Class<?> fieldType) {
            Parser<?> parser = standard.getParser(annotation, fieldType);
            return (String text, Locale locale) -> {
                Object date = parser.parse(text, locale);
                if (date instanceof LocalDate day && !inRange(day)) {
                    throw new ParseException(outOfRange(text), 0);
                }
                return date;
            };
        }
    }

    private static final class BoundedDateDeserializer extends ValueDeserializer<LocalDate> {

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
            LocalDate date = LocalDateDeserializer.INSTANCE.deserialize(parser, context);
            if (date != null && !inRange(date)) {
                return (LocalDate) context.handleWeirdStringValue(LocalDate.class, date.toString(), outOfRange(date));
            }
            return date;
        }
    }
}
