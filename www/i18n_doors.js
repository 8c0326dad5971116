// Korean for the page's guards: the frame budget, script arguments, CSV limits, the
// content policy and the recovery after an internal error. Merged into i18n.js's table.

export const KO_DOORS = {
  "Loading the handwritten digits…": "손글씨 숫자 데이터를 불러오는 중…",
  "The handwritten digits could not be loaded ({reason}); the data stays as it was.":
    "손글씨 숫자 데이터를 불러오지 못했습니다 ({reason}). 데이터는 그대로입니다.",
  "Slower than asked: about {rate} iterations a second (asked: {speed} a frame), so the page stays responsive.":
    "요청한 속도보다 느립니다: 초당 약 {rate}회 반복 (요청: 프레임당 {speed}회). 페이지가 멈추지 않도록 학습 시간을 나눕니다.",
  "loadCsv() takes the CSV as text: a header line x1,x2,y, then one row per point.":
    "loadCsv()에는 CSV 텍스트를 주세요: 머리글 줄 x1,x2,y 다음에 점마다 한 줄.",
  "The CSV text is {size} MB; at most {max} MB is read, as for a file.":
    "CSV 텍스트가 {size} MB입니다. 파일과 같이 최대 {max} MB까지만 읽습니다.",
  "The CSV has more than {rows} rows; keep at most {rows}, since every training step goes over all of them.":
    "CSV의 행이 {rows}개보다 많습니다. 학습 단계마다 모든 행을 거치므로 최대 {rows}개까지만 쓰세요.",
  "There is no dev set: every row of the data is for training, so λ cannot be chosen on a dev set. Give some rows split = dev (or leave split empty) to compare the dev error.":
    "개발 세트가 없습니다: 데이터의 모든 행이 훈련용이라 개발 세트로 λ를 고를 수 없습니다. 개발 세트 오차를 비교하려면 일부 행에 split = dev를 주세요 (또는 split을 비워 두세요).",
  "The augmentation comparison needs at least two training points (N real, N + N augmented, 2N real), and this data has {n}.":
    "데이터 증식 비교에는 훈련 샘플이 적어도 두 개 필요합니다 (실제 N개, N개 + 증식 N개, 실제 2N개). 이 데이터에는 {n}개가 있습니다.",
  "Your CSV data was replaced by a generated dataset. Undo brings it back.":
    "불러온 CSV 데이터가 생성된 데이터셋으로 바뀌었습니다. 실행 취소로 되돌릴 수 있습니다.",
  "Your CSV data is back.": "CSV 데이터를 되돌렸습니다.",
  Undo: "실행 취소",
  "Download {name}": "{name} 내려받기",
  "The gradient over {sample} of the m = {m} training points, evenly spaced, without dropout: every draw reads at most {sample}, so a big training set keeps the page responsive.":
    "훈련 샘플 m = {m}개 중 고르게 뽑은 {sample}개의 기울기이며 드롭아웃은 빼고 계산합니다. 그릴 때마다 최대 {sample}개만 읽으므로 훈련 세트가 커도 페이지가 멈추지 않습니다.",
  "{problems}; and {count} more": "{problems}; 그리고 {count}개 더",
  "Line {line} of the CSV has {chars} characters; a row of x1,x2,y and a split needs far fewer (at most {max}).":
    "CSV의 {line}번째 줄이 {chars}자입니다. x1,x2,y와 split 한 행에는 훨씬 적게 필요합니다 (최대 {max}자).",
  "The model file is {size} KB; a model of six layers of 32 units is under {max} KB, so this is not one.":
    "모델 파일이 {size} KB입니다. 32개 유닛 6층의 모델도 {max} KB보다 작으므로 모델 파일이 아닙니다.",
};
