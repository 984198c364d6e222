package dev.darkmaximus.auth;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

import dev.darkmaximus.platform.telegram.TelegramProperties;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AuthProperties.class, TelegramProperties.class})
class AuthConfiguration {
}
