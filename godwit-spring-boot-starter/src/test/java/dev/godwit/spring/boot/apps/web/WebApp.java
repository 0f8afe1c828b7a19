package dev.godwit.spring.boot.apps.web;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A web application with the actuator. */
@SpringBootApplication
public class WebApp {}
