package dev.godwit.spring.boot.apps.plain;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** An application with a DataSource and a JdbcTemplate user, nothing else. */
@SpringBootApplication
public class PlainApp {}
