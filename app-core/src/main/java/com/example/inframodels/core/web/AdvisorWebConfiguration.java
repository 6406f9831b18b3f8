package com.example.inframodels.core.web;

import com.example.inframodels.core.function.AdvisorFunctions;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.context.annotation.Bean;

/** Puts {@link AdvisorHttpFilter} in front of a servlet web application. */
@AutoConfiguration(after = AdvisorFunctions.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({FunctionCatalog.class, jakarta.servlet.Filter.class})
public class AdvisorWebConfiguration {

  /** The filter calls the function through the catalogue, as every other adapter does. */
  @Bean
  AdvisorHttpFilter advisorHttpFilter(FunctionCatalog catalog) {
    return new AdvisorHttpFilter(catalog.lookup(AdvisorFunctions.ADVISOR));
  }
}
