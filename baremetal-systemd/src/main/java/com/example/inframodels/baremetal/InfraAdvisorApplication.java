package com.example.inframodels.baremetal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots the advisor; app-core's auto-configuration registers its functions and HTTP adapter. */
@SpringBootApplication
public class InfraAdvisorApplication {

  public static void main(String[] args) {
    SpringApplication.run(InfraAdvisorApplication.class, args);
  }
}
