DROP TABLE failure_budgets;
