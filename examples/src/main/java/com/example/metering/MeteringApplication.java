package com.example.metering;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The README's metering examples as one application ({@code application-metering.yml}).
 */
@SpringBootApplication
public class MeteringApplication {

	public static void main(String[] args) {
		SpringApplication.run(MeteringApplication.class, "--spring.profiles.active=metering");
	}

}
