"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.applyProgressPrinter = applyProgressPrinter;
const estimate_1 = require("../core/restore/estimate");
const timeLeft_1 = require("../core/restore/timeLeft");
const output_1 = require("./output");
/** The words for what a wait waits for. */
const WAITING_FOR = {
    second: "Keap's per-second limit",
    minute: "Keap's minute quota",
    day: "Keap's daily quota",
    throttled: "Keap's rate limit (it answered 429)",
    window: "Keap's quota",
};
function applyProgressPrinter(io, options) {
    const stream = options.stream ?? process.stderr;
    const tty = !!stream.isTTY && !options.plain;
    const now = options.now ?? Date.now;
    const transport = options.client.transport;
    const started = { at: now(), requests: transport.requestCount, retries: transport.retryCount };
    let workDone = 0;
    let workTotal = options.plan.steps.filter((s) => s.action === 'create' || s.action === 'update').length;
    /** Steps this run finished (not those an earlier run had done), and the time the daily pauses took. */
    let doneHere = 0;
    let pausedMs = 0;
    let waiting;
    let lastDraw = 0;
    let timer;
    const requests = () => transport.requestCount - started.requests;
    const retries = () => transport.retryCount - started.retries;
    const timeLeft = () => {
        const stepsLeft = workTotal - workDone;
        if (!stepsLeft)
            return undefined;
        const estimate = options.plan.estimate;
        const measured = doneHere >= 5;
        const requestsPerStep = measured ? requests() / doneHere : estimate && workTotal ? estimate.requests / workTotal : 1.5;
        const ms = (0, timeLeft_1.timeLeftMs)({
            stepsLeft,
            requestsPerStep,
            windows: transport.throttle.limits,
            reserve: options.reserve,
            daily: transport.throttle.daily,
            measuredMsPerStep: measured ? Math.max(0, now() - started.at - pausedMs) / doneHere : undefined,
            now: now(),
        });
        return `about ${(0, estimate_1.duration)(ms)} left`;
    };
    const waitText = (w) => {
        const left = Math.max(0, w.until.getTime() - now());
        if (w.kind === 'paused')
            return `paused until ${clock(w.until)} UTC for ${WAITING_FOR[w.waitingFor]} (${(0, estimate_1.duration)(left)}), ${(0, output_1.counted)(w.stepsLeft, 'step')} left`;
        return `waiting ${(0, estimate_1.duration)(left)} for ${WAITING_FOR[w.waitingFor]}`;
    };
    const status = () => {
        const parts = [`${workDone.toLocaleString('en-US')}/${workTotal.toLocaleString('en-US')} steps`, (0, output_1.counted)(requests(), 'request')];
        if (retries())
            parts.push((0, output_1.counted)(retries(), 'retry', 'retries'));
        if (waiting && waiting.until.getTime() > now())
            parts.push(waitText(waiting));
        const left = timeLeft();
        if (left)
            parts.push(left);
        return parts.join(' · ');
    };
    const draw = (force = false) => {
        if (!tty)
            return;
        const t = now();
        if (!force && t - lastDraw < 100)
            return;
        lastDraw = t;
        stream.write(`\r\u001b[2K${status()}`);
    };
    /** A line of its own above the status line (on a terminal), or a plain line. */
    const line = (text) => {
        if (tty)
            stream.write('\r\u001b[2K');
        io.err(text);
        draw(true);
    };
    const stopTimer = () => {
        if (timer)
            clearInterval(timer);
        timer = undefined;
    };
    return {
        step(p) {
            workDone = p.workDone;
            workTotal = p.workTotal;
            if (waiting?.kind === 'paused')
                pausedMs += Math.max(0, Math.min(now(), waiting.until.getTime()) - (waiting.until.getTime() - waiting.ms));
            waiting = undefined;
            stopTimer();
            if (p.status === 'skipped')
                return draw();
            if (p.status !== 'already-done')
                doneHere++;
            const at = `[${p.workDone.toLocaleString('en-US')}/${p.workTotal.toLocaleString('en-US')}]`;
            if (p.status === 'already-done')
                return draw();
            if (p.status === 'linked')
                return line(`${at} ${p.step.id} already in Keap as ${p.newId}: linked, nothing sent`);
            const text = `${at} ${p.step.id} ${p.status}${p.newId && p.newId !== p.step.oldId ? ` -> ${p.newId}` : ''}${p.message ? `: ${p.message}` : ''}`;
            if (tty && p.status === 'done')
                return draw();
            line(text);
        },
        wait(w) {
            // Waits under a second (the per-second limit) are pacing, not news.
            if (w.ms < 1000)
                return;
            waiting = w;
            if (tty) {
                draw(true);
                stopTimer();
                timer = setInterval(() => {
                    if (!waiting || waiting.until.getTime() <= now())
                        return stopTimer();
                    draw(true);
                }, 1000);
                timer.unref();
                return;
            }
            const context = `${workDone.toLocaleString('en-US')}/${workTotal.toLocaleString('en-US')} steps, ${(0, output_1.counted)(requests(), 'request')}${retries() ? `, ${(0, output_1.counted)(retries(), 'retry', 'retries')}` : ''}`;
            const left = timeLeft();
            io.err(`${waitText(w)} (${context}${left ? `, ${left}` : ''})`);
        },
        end() {
            stopTimer();
            if (tty)
                stream.write('\r\u001b[2K');
        },
    };
}
/** 00:00, or 00:00:10 when the time has seconds (an emulator's short day). */
function clock(at) {
    const iso = at.toISOString();
    return iso.slice(17, 19) === '00' ? iso.slice(11, 16) : iso.slice(11, 19);
}
//# sourceMappingURL=applyProgress.js.map