-- AlterEnum
ALTER TYPE "DimensionFieldType" ADD VALUE 'LINK';

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "externalAnnotator" TEXT,
ADD COLUMN     "externalId" TEXT;

-- CreateTable
CREATE TABLE "AnnotationValue" (
    "annotationId" TEXT NOT NULL,
    "dimensionKey" TEXT NOT NULL,
    "text" TEXT,
    "target" TEXT,
    "holder" TEXT,
    "linkedAnnotationId" TEXT,

    CONSTRAINT "AnnotationValue_pkey" PRIMARY KEY ("annotationId","dimensionKey")
);

-- CreateTable
CREATE TABLE "DocumentAnswer" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "dimensionKey" TEXT NOT NULL,
    "text" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DocumentAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentAnswerLabel" (
    "answerId" TEXT NOT NULL,
    "labelId" TEXT NOT NULL,

    CONSTRAINT "DocumentAnswerLabel_pkey" PRIMARY KEY ("answerId","labelId")
);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "status" INTEGER,
    "body" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("scope","key")
);

-- CreateTable
CREATE TABLE "UserSession" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "userAgent" TEXT NOT NULL DEFAULT '',
    "ipAddress" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "UserSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AnnotationValue_linkedAnnotationId_idx" ON "AnnotationValue"("linkedAnnotationId");

-- CreateIndex
CREATE UNIQUE INDEX "DocumentAnswer_documentId_authorId_dimensionKey_key" ON "DocumentAnswer"("documentId", "authorId", "dimensionKey");

-- CreateIndex
CREATE INDEX "DocumentAnswerLabel_labelId_idx" ON "DocumentAnswerLabel"("labelId");

-- CreateIndex
CREATE INDEX "IdempotencyKey_createdAt_idx" ON "IdempotencyKey"("createdAt");

-- CreateIndex
CREATE INDEX "UserSession_userId_idx" ON "UserSession"("userId");

-- CreateIndex
CREATE INDEX "Annotation_documentId_externalId_idx" ON "Annotation"("documentId", "externalId");

-- AddForeignKey
ALTER TABLE "AnnotationValue" ADD CONSTRAINT "AnnotationValue_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationValue" ADD CONSTRAINT "AnnotationValue_linkedAnnotationId_fkey" FOREIGN KEY ("linkedAnnotationId") REFERENCES "Annotation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentAnswer" ADD CONSTRAINT "DocumentAnswer_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentAnswer" ADD CONSTRAINT "DocumentAnswer_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentAnswerLabel" ADD CONSTRAINT "DocumentAnswerLabel_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "DocumentAnswer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentAnswerLabel" ADD CONSTRAINT "DocumentAnswerLabel_labelId_fkey" FOREIGN KEY ("labelId") REFERENCES "Label"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

