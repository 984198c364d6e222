package dev.darkmaximus;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class DarkMaximusApplication {
    public static void main(String[] args) {
        SpringApplication.run(DarkMaximusApplication.class, args);
    }
}
