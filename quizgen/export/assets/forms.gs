/**
 * A Google Forms quiz made by quizgen from a question bank.
 *
 * 1. Open https://script.google.com, click "New project", delete what is in the editor and
 *    paste this whole file.
 * 2. Click "Run" (the function is createQuiz) and allow the script to manage your forms.
 * 3. The execution log shows the links of the new form: open the edit link to check it and
 *    share the published link with the class.
 *
 * Multiple-choice and true/false questions get their answer key and points. Google's
 * FormApp cannot give a short-answer question its answer key; if you add the "Google
 * Forms API" service (Services +, before step 2) the script sets it through that API,
 * otherwise those questions show the answer as feedback and are graded by hand.
 */

const QUIZ = /*QUIZ*/null;

function createQuiz() {
  const form = FormApp.create(QUIZ.title);
  form.setIsQuiz(true);
  form.setDescription(QUIZ.description);
  const textAnswers = [];
  QUIZ.items.forEach(function (q) {
    const feedback = q.feedback ? FormApp.createFeedback().setText(q.feedback).build() : null;
    if (q.choices) {
      const item = form.addMultipleChoiceItem();
      item.setTitle(q.title).setPoints(q.points);
      item.setChoices(q.choices.map(function (text, i) {
        return item.createChoice(text, i === q.correct);
      }));
      if (feedback) {
        item.setFeedbackForCorrect(feedback).setFeedbackForIncorrect(feedback);
      }
    } else {
      const item = form.addTextItem();
      item.setTitle(q.title).setPoints(q.points);
      if (feedback) {
        item.setGeneralFeedback(feedback);
      }
      textAnswers.push({ index: item.getIndex(), points: q.points, answers: q.answers });
    }
  });
  const keyed = setTextAnswers(form, textAnswers);
  Logger.log("Quiz created with " + QUIZ.items.length + " questions"
    + (textAnswers.length && !keyed ? "; short answers are graded by hand" : "") + ".");
  Logger.log("Edit: " + form.getEditUrl());
  Logger.log("Share: " + form.getPublishedUrl());
  return form;
}

/** Answer keys of the text questions, through the Google Forms API service if added. */
function setTextAnswers(form, textAnswers) {
  if (!textAnswers.length || typeof Forms === "undefined") {
    return false;
  }
  const requests = textAnswers.map(function (t) {
    return {
      updateItem: {
        item: { questionItem: { question: { grading: {
          pointValue: t.points,
          correctAnswers: { answers: t.answers.map(function (a) { return { value: a }; }) },
        } } } },
        location: { index: t.index },
        updateMask: "questionItem.question.grading",
      },
    };
  });
  Forms.Forms.batchUpdate({ requests: requests }, form.getId());
  return true;
}
