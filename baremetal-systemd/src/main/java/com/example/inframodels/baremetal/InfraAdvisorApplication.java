package com.example.inframodels.baremetal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Boots the advisor; app-core's auto-configuration wires its contract and puts its HTTP adapter in
 * front.
 */
@SpringBootApplication
public class InfraAdvisorApplication {

  public static void main(String[] args) {
    SpringApplication.run(InfraAdvisorApplication.class, args);
  }
}
