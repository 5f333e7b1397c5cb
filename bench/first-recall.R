# The R yardstick of bench/scale.ts: data.table::fread of people and events, the
# first-recall derivation (the first recall on or after release and on or before
# follow-up end, per included released person), and survival::survfit of time to
# first recall. Prints elapsed seconds of read, derive and survfit, the number of
# people followed and of first recalls.
#   Rscript bench/first-recall.R DIR EXTRACTION_DATE
suppressMessages({library(data.table); library(survival)})
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]; extraction <- as.IDate(args[2])
t0 <- proc.time()[["elapsed"]]
p <- fread(file.path(dir, "people.csv"), select = c("person_id", "release_date", "included", "follow_up_end"))
e <- fread(file.path(dir, "events.csv"), select = c("person_id", "type", "date"))
t1 <- proc.time()[["elapsed"]]
p[, `:=`(release = as.IDate(release_date), fu = as.IDate(follow_up_end))]
p[is.na(fu), fu := extraction]
cohort <- p[included == TRUE & !is.na(release), .(person_id, release, fu)]
r <- e[type == "recall", .(person_id, d = as.IDate(date))]
r <- r[cohort, on = "person_id", nomatch = NULL][d >= release & d <= fu]
first <- r[, .(first = min(d)), by = person_id]
km <- first[cohort, on = "person_id"]
km[, `:=`(time = as.numeric(fifelse(is.na(first), fu - release, first - release)), event = !is.na(first))]
t2 <- proc.time()[["elapsed"]]
fit <- survfit(Surv(time, event) ~ 1, data = km, conf.type = "log")
t3 <- proc.time()[["elapsed"]]
cat(t1 - t0, t2 - t1, t3 - t2, nrow(km), sum(km$event), "\n")
