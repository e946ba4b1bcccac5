package com.example.billing;

// tag::pre-authorize[]
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

@Service
public class Reports {

	@PreAuthorize("@polarEntitlements.hasBenefit(authentication.name, 'pro')")
	public List<String> proReports() {
		return List.of("Revenue by country", "Churn by cohort");
	}

}
// end::pre-authorize[]
