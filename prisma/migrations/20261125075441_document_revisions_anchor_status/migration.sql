-- CreateEnum
CREATE TYPE "AnchorStatus" AS ENUM ('ANCHORED', 'ORPHANED');

-- CreateEnum
CREATE TYPE "AnnotationOrigin" AS ENUM ('PERSON', 'SUGGESTION');

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "originalContent" TEXT,
ADD COLUMN     "originalType" TEXT;

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "anchorStatus" "AnchorStatus" NOT NULL DEFAULT 'ANCHORED',
ADD COLUMN     "origin" "AnnotationOrigin" NOT NULL DEFAULT 'PERSON',
ADD COLUMN     "suggestionRule" TEXT;

-- CreateTable
CREATE TABLE "DocumentRevision" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "textHash" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocumentRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DocumentRevision_documentId_version_key" ON "DocumentRevision"("documentId", "version");

-- AddForeignKey
ALTER TABLE "DocumentRevision" ADD CONSTRAINT "DocumentRevision_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentRevision" ADD CONSTRAINT "DocumentRevision_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Backfill: every existing document's current text becomes its first recorded revision.
INSERT INTO "DocumentRevision" ("id", "documentId", "version", "title", "text", "textHash", "createdById", "createdAt")
SELECT 'rev_' || "id" || '_' || "version", "id", "version", "title", "text", "textHash", "createdById", "updatedAt"
FROM "Document";
