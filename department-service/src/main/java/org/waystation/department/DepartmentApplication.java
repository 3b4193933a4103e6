package org.waystation.department;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.waystation.support.privacy.WorkerIdConfiguration;

@SpringBootApplication
@Import(WorkerIdConfiguration.class)
public class DepartmentApplication {

	public static void main(String[] args) {
		SpringApplication.run(DepartmentApplication.class, args);
	}

}
