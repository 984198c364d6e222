package dev.darkmaximus.catalog.persistence;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;

import dev.darkmaximus.platform.db.JdbcValueConverter;

@Configuration(proxyBeanMethods = false)
class InboundIdsConverters {

    @Bean
    JdbcValueConverter<InboundIds, String> inboundIdsWriter() {
        return new Writer();
    }

    @Bean
    JdbcValueConverter<String, InboundIds> inboundIdsReader() {
        return new Reader();
    }

    @WritingConverter
    static final class Writer implements JdbcValueConverter<InboundIds, String> {
        @Override
        public String convert(InboundIds source) {
            return source.format();
        }
    }

    @ReadingConverter
    static final class Reader implements JdbcValueConverter<String, InboundIds> {
        @Override
        public InboundIds convert(String source) {
            return InboundIds.parse(source);
        }
    }
}
