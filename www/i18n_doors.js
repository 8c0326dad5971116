// Korean for the page's guards: the frame budget, script arguments, CSV limits, the
// content policy and the recovery after an internal error. Merged into i18n.js's table.

export const KO_DOORS = {
  "Slower than asked: {done} of {speed} iterations per frame, so the page stays responsive.":
    "요청보다 느리게 실행 중: 프레임마다 {speed}번 중 {done}번 반복 (iteration)합니다. 페이지가 멈추지 않도록 한 프레임의 학습 시간을 제한합니다.",
};
